"""Admin for the agreement lifecycle: transition forms, the review queue, step documents."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.admin import ImportExportMixin

from cooperation import workflow
from cooperation.documents import validate_document
from cooperation.models import Agreement, AgreementInReview, ApprovalStep
from partners.models import Actor
from portal.dates import PartialDate
from portal.forms import PartialDateFormField


class TransitionForm(forms.Form):
    """What a person taking a step says: when, why, and which document records it."""

    on = PartialDateFormField(label=gettext_lazy("Date"), required=True)
    note = forms.CharField(label=gettext_lazy("Note"), widget=forms.Textarea, required=False)
    document = forms.FileField(
        label=gettext_lazy("Document"),
        required=False,
        validators=[validate_document],
        help_text=gettext_lazy("A PDF or an image (PNG, JPEG, WebP); visible to staff only."),
    )


@admin.display(description=gettext_lazy("document"))
def document_link(step: ApprovalStep) -> str:
    if not step.document:
        return ""
    return format_html('<a href="{}">{}</a>', step.get_document_url(), step.document.name)


class ApprovalStepInline(admin.TabularInline):
    """Steps are written by the workflow; the inline shows them, with their documents."""

    model = ApprovalStep
    fields = ("step", "taken", "by", "body", "note", document_link)
    readonly_fields = fields
    extra = 0
    can_delete = False

    @admin.display(description=gettext_lazy("date"))
    def taken(self, step):
        return step.partial_date_display("taken")

    def has_add_permission(self, request, obj=None):
        return False


class AgreementWorkflowMixin:
    """Adds a page per transition to the agreement admin, and its buttons to the change form."""

    change_form_template = "admin/cooperation/agreement_change_form.html"

    def get_urls(self):
        own = [
            path(
                "<path:object_id>/transition/<slug:name>/",
                self.admin_site.admin_view(self.transition_view),
                name="cooperation_agreement_transition",
            )
        ]
        return own + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        agreement = self.get_object(request, object_id)
        extra_context = extra_context or {}
        if agreement is not None:
            extra_context["transitions"] = [
                (t, reverse("admin:cooperation_agreement_transition", args=[agreement.pk, t.name]))
                for t in workflow.transitions_for(agreement=agreement, user=request.user)
            ]
        return super().change_view(request, object_id, form_url, extra_context)

    def transition_view(self, request, object_id, name):
        agreement = get_object_or_404(Agreement, pk=object_id)
        transition = workflow.TRANSITIONS.get(name)
        if transition is None:
            raise PermissionDenied
        if not request.user.has_perm(transition.permission):
            raise PermissionDenied
        today = timezone.localdate()
        form = TransitionForm(
            request.POST or None,
            request.FILES or None,
            initial={"on": PartialDate(today.year, today.month, today.day)},
        )
        if request.method == "POST" and form.is_valid():
            try:
                workflow.agreement_transition(
                    agreement=agreement,
                    name=name,
                    by=request.user,
                    on=form.cleaned_data["on"],
                    note=form.cleaned_data["note"],
                    document=form.cleaned_data["document"],
                )
            except ValidationError as error:
                if hasattr(error, "error_dict"):
                    for field, errors in error.error_dict.items():
                        form.add_error(field if field in form.fields else None, errors)
                else:
                    form.add_error(None, error)
            else:
                self.message_user(
                    request,
                    _("“%(agreement)s” is now “%(status)s”.")
                    % {"agreement": agreement, "status": agreement.get_status_display()},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:cooperation_agreement_change", args=[agreement.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "%s: %s" % (transition.label, agreement),
            "agreement": agreement,
            "transition": transition,
            "form": form,
        }
        return TemplateResponse(request, "admin/cooperation/agreement_transition.html", context)


@admin.register(AgreementInReview)
class AgreementInReviewAdmin(admin.ModelAdmin):
    """The Interior Ministry reviewers' queue: agreements submitted or under review."""

    list_display = ("title_link", "kind", "status", "submitted", "parties")
    list_filter = ("status", "kind")
    search_fields = ("search_text",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(status__in=workflow.IN_REVIEW_STATUSES)
            .annotate(submitted_at=Max("approval_steps__recorded_at"))
            .prefetch_related("party_set__actor")
            .order_by("submitted_at", "pk")
        )

    @admin.display(description=gettext_lazy("agreement"))
    def title_link(self, agreement):
        url = reverse("admin:cooperation_agreement_change", args=[agreement.pk])
        return format_html('<a href="{}">{}</a>', url, agreement)

    @admin.display(description=gettext_lazy("waiting since"), ordering="submitted_at")
    def submitted(self, agreement):
        return agreement.submitted_at

    @admin.display(description=gettext_lazy("parties"))
    def parties(self, agreement):
        return ", ".join(str(p.actor) for p in agreement.party_set.all())

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("cooperation.review_agreement") or super().has_view_permission(
            request, obj
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OfficeScopedAdmin:
    """Narrows a partner office's users to the rows in which their organisation takes part.

    `office_paths` name the lookups from the model to an actor; a row is the office's own when
    any of them reaches the organisation or an actor under it (a prefecture's Bangkok office is
    under the prefecture). Users without an OfficeMember row see every row their role allows.
    """

    office_paths: tuple[str, ...] = ()

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        membership = getattr(request.user, "office_membership", None)
        if request.user.is_superuser or membership is None:
            return queryset
        own = Actor.objects.within(membership.organisation).values("pk")
        condition = Q()
        for lookup in self.office_paths:
            condition |= Q(**{"%s__in" % lookup: own})
        return queryset.filter(pk__in=queryset.model.objects.filter(condition).values("pk"))


class PortalImportMixin(ImportExportMixin):
    """CSV/XLSX import with a dry-run preview, exports, and empty templates to fill in."""

    import_template_name = "admin/cooperation/import.html"

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        own = [
            path(
                "import-template.<slug:file_format>",
                self.admin_site.admin_view(self.import_template_view),
                name="%s_%s_import_template" % info,
            )
        ]
        return own + super().get_urls()

    def import_template_view(self, request, file_format):
        """The import's columns, in the order the resource reads them, with no rows."""
        if not self.has_import_permission(request) or file_format not in ("csv", "xlsx"):
            raise PermissionDenied
        resource = self.get_import_resource_classes(request)[0]()
        dataset = resource.export(queryset=self.model.objects.none())
        content_types = {
            "csv": "text/csv; charset=utf-8",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
        body = dataset.export(file_format)
        if file_format == "csv":
            body = "\ufeff" + body  # a BOM makes spreadsheet programs read the Thai as UTF-8
        response = HttpResponse(body, content_type=content_types[file_format])
        response["Content-Disposition"] = 'attachment; filename="%s-template.%s"' % (
            self.opts.model_name,
            file_format,
        )
        return response

    def get_import_data_kwargs(self, request, *args, **kwargs):
        data_kwargs = super().get_import_data_kwargs(request, *args, **kwargs)
        # All rows or none: a row that fails when confirmed undoes every row before it.
        data_kwargs["rollback_on_validation_errors"] = True
        return data_kwargs
