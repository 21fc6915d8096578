"""The numbers layer: numerals, units, ranges and qualifiers, independent of any extractor."""
from .numerals import parse_chinese_numeral, parse_number
from .scan import RawNumber, scan_numbers, propagate_list_qualifiers

__all__ = ["parse_chinese_numeral", "parse_number", "RawNumber", "scan_numbers", "propagate_list_qualifiers"]
