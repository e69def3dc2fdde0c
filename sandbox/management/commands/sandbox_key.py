from django.core.management.base import BaseCommand

from sandbox.models import SigningKey


class Command(BaseCommand):
    help = "Print the sandbox's Ed25519 public key (base64), which verifies its webhooks."

    def handle(self, *args, **options):
        self.stdout.write(SigningKey.current().public_key_b64)
