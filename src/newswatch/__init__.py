"""newswatch: watches news articles for edits and reports which claims changed."""

__version__ = "0.1.0"
