"""The 10DLC domain's models, one module per concern."""

from .organisations import Membership, Organisation, OrganisationQuerySet, OrgScoped

__all__ = ["Membership", "OrgScoped", "Organisation", "OrganisationQuerySet"]
