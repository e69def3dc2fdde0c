"""External vettings of a brand (ordered through Telnyx or imported), as Telnyx lists them."""

from django.db import models

from .brands import Brand
from .organisations import OrgScoped


class Vetting(OrgScoped):
    brand = models.ForeignKey(Brand, on_delete=models.CASCADE, related_name="vettings")
    evp_id = models.CharField(max_length=10)  # evpId: the vetting provider
    vetting_class = models.CharField(max_length=30, blank=True)
    vetting_id = models.CharField(max_length=64)
    vetting_token = models.CharField(max_length=200, blank=True)
    vetting_score = models.IntegerField(null=True, blank=True)
    created_at_telnyx = models.CharField(max_length=40, blank=True)  # createDate, as sent
    vetted_at_telnyx = models.CharField(max_length=40, blank=True)  # vettedDate, as sent
    imported = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["brand", "vetting_id"], name="unique_brand_vetting")
        ]

    def __str__(self) -> str:
        return f"{self.evp_id} {self.vetting_class} vetting of {self.brand}"

    @property
    def is_scored(self) -> bool:
        return self.vetting_score is not None
