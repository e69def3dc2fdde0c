"""Read unsettled brands and campaigns back from Telnyx.

manage.py reconcile          run once now, print what changed
manage.py reconcile --loop   start the periodic runs on the task worker (db_worker): the
                             reconciliation and the fee ledger's monthly fees
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from compliance.services.reconcile import reconcile_all
from compliance.tasks import ledger as fee_tasks
from compliance.tasks.reconcile import loop_is_scheduled, reconcile_statuses


class Command(BaseCommand):
    help = "Read the status of every unsettled brand and campaign back from Telnyx."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            action="store_true",
            help="Enqueue a run that re-enqueues itself every RECONCILE_EVERY_SECONDS.",
        )

    def handle(self, *args, loop=False, **options):
        if loop:
            return self._start_loop()
        report = reconcile_all()
        for line in report.changes:
            self.stdout.write(line)
        for line in report.errors:
            self.stderr.write(line)
        if report.events_applied:
            self.stdout.write(f"Applied {report.events_applied} stored webhook events.")
        self.stdout.write(
            f"Checked {report.brands_checked} brands and {report.campaigns_checked} campaigns: "
            f"{len(report.changes)} changed, {len(report.errors)} errors."
        )

    def _start_loop(self):
        if not reconcile_statuses.get_backend().supports_defer:
            raise CommandError("--loop needs a task backend that runs tasks later (db_worker).")
        if fee_tasks.SCHEDULE.start():
            self.stdout.write(
                f"Monthly fees recorded every {settings.FEES_EVERY_SECONDS} s on the task worker."
            )
        if loop_is_scheduled():
            self.stdout.write("A periodic reconciliation is already scheduled.")
            return
        reconcile_statuses.enqueue(repeat=True)
        self.stdout.write(
            f"Periodic reconciliation started: every {settings.RECONCILE_EVERY_SECONDS} s "
            "on the task worker (manage.py db_worker)."
        )
