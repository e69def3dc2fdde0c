"""Send the daily digests of notifications that are due.

manage.py digests          send the due digests now, print how many
manage.py digests --loop   start the periodic run on the task worker (db_worker)
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from compliance.services.notifications import send_digests
from compliance.tasks.digests import loop_is_scheduled, send_daily_digests


class Command(BaseCommand):
    help = "Send the daily e-mail digests of notifications that are due."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            action="store_true",
            help="Enqueue a run that re-enqueues itself every DIGEST_EVERY_SECONDS.",
        )

    def handle(self, *args, loop=False, **options):
        if not loop:
            self.stdout.write(f"Sent {send_digests()} digests.")
            return
        if not send_daily_digests.get_backend().supports_defer:
            raise CommandError("--loop needs a task backend that runs tasks later (db_worker).")
        if loop_is_scheduled():
            self.stdout.write("The daily digests are already scheduled.")
            return
        send_daily_digests.enqueue(repeat=True)
        self.stdout.write(
            f"Daily digests started: a run every {settings.DIGEST_EVERY_SECONDS} s "
            "on the task worker (manage.py db_worker)."
        )
