"""Background tasks (django.tasks), one module per concern."""
