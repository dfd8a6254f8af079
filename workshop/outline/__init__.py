"""Reading outlines: YAML → located tree → rendered variables → validated model."""
