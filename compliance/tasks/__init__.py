"""Background work (django.tasks), one module per area."""
