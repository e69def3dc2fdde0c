from django.core.management.base import BaseCommand

from compliance.rules_page import rules_markdown


class Command(BaseCommand):
    help = "Print docs/RULES.md (the compliance rules table) from the rule registry."

    def handle(self, *args, **options):
        self.stdout.write(rules_markdown(), ending="")
