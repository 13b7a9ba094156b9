"""The synthetic clip writer lives in the product (`v2m.tools.video.synthetic`): evaluation suites and the
fine-tuning corpus write their clips with it too. Tests import it from here by habit."""

from v2m.tools.video.synthetic import Segment, Truth, boundary_f1, write_clip, write_image  # noqa: F401
