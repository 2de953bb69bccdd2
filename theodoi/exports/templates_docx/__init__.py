"""Packaged .docx templates; `build_templates.py` regenerates them."""
