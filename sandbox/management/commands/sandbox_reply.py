from django.core.management.base import BaseCommand, CommandError

from sandbox.tasks.numbers import receive_reply


class Command(BaseCommand):
    help = (
        "Play a handset replying to one of the account's numbers: the sandbox delivers a signed "
        "message.received webhook (e.g. a subscriber's YES to a hosted opt-in's confirmation)."
    )

    def add_arguments(self, parser):
        parser.add_argument("from_number", help="the handset, E.164 (+15125550199)")
        parser.add_argument("to_number", help="the account's number it texts, E.164")
        parser.add_argument("text", nargs="?", default="YES")

    def handle(self, *args, from_number, to_number, text, **options):
        if not receive_reply(from_number, to_number, text):
            raise CommandError(
                "No webhook URL answered: the number has no messaging profile webhook and "
                "never texted this handset."
            )
        self.stdout.write(f"{from_number} replied {text!r} to {to_number}.")
