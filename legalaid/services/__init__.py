"""Services behind the :class:`legalaid.collection.Collection` facade, one per area."""
