"""runlift: a strength and conditioning coach for runners."""

__version__ = "0.1.0"
