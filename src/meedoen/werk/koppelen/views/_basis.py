DOEL = "werk: matchen en voorstellen"
