"""The 'insurance' accuracy corpus: a motor and home claims department and its customer-resolution team."""
