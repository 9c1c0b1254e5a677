"""Pre-annotation NLP: the spaCy pipeline with boilerplate and quotation components.

``pipeline`` is the entry point (load, run, convert to spans); ``quote_eval`` scores quotations
against a gold set without needing spaCy.
"""
