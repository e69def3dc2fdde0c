"""Background work (django.tasks), one module per concern; run by django-tasks-db's db_worker."""
