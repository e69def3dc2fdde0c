"""Leases for periodic background work that has no row of its own (reconciliation).

A worker takes the lease named for the work with a conditional UPDATE (only one can win) and
renews it while it works; a lease that ran out lost its worker (killed, crashed), and the next
run takes it over. compliance/leases.py takes, renews and releases them.
"""

from django.db import models


class WorkLease(models.Model):
    name = models.CharField(max_length=100, unique=True)
    holder = models.CharField(max_length=32, blank=True)  # "" = free
    expires_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} held by {self.holder or 'nobody'} until {self.expires_at}"
