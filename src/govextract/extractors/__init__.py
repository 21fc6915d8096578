"""One module per extractor; each exposes ``extract_<name>(doc)``."""
