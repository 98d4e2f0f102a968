"""The researchers' portal: home, lists with the API's filters, detail pages, exports.

Every list runs the API's FilterSet on its query string (portal.pages), so a page and the API
answer the same question the same way. Every page costs a fixed number of queries whatever the
number of rows: lists select and prefetch what they show, figures are single aggregate queries.
One module per kind of record; `cooperation.urls` reads the views from here.
"""

from cooperation.views.actors import actor_detail
from cooperation.views.agreements import agreement_detail, agreement_export, agreement_list
from cooperation.views.coverage import coverage
from cooperation.views.home import home
from cooperation.views.issues import issue_detail, issue_list
from cooperation.views.pairs import pair_detail, pair_export, pair_list, pair_map
from cooperation.views.projects import project_detail, project_export, project_list

__all__ = [
    "actor_detail",
    "agreement_detail",
    "agreement_export",
    "agreement_list",
    "coverage",
    "home",
    "issue_detail",
    "issue_list",
    "pair_detail",
    "pair_export",
    "pair_list",
    "pair_map",
    "project_detail",
    "project_export",
    "project_list",
]
