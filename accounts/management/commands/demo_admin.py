"""Create (or reset) the demo administrator that `make run` prints, with a fresh password."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create or reset the demo superuser 'admin' and print its new password."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        password = secrets.token_urlsafe(12)
        user, created = get_user_model().objects.get_or_create(
            username=username, defaults={"is_staff": True, "is_superuser": True}
        )
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo administrator %s.\n  URL:      http://127.0.0.1:8000/th/admin/\n"
                "  user:     %s\n  password: %s\n"
                % ("created" if created else "reset", username, password)
            )
        )
