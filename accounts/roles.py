"""The portal's roles, created as groups by migration accounts/0002_roles.

The migration freezes the permissions each group had when it ran; this module only names the
groups for the code (and tests) that look them up.
"""

MINISTRY_EDITOR = "Ministry editor"
INTERIOR_REVIEWER = "Interior Ministry reviewer"
RESEARCHER = "Researcher"
PARTNER_OFFICE = "Partner office"

ROLES = (MINISTRY_EDITOR, INTERIOR_REVIEWER, RESEARCHER, PARTNER_OFFICE)
