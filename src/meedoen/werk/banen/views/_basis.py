DOEL = "werk: plaatsing en contract"
PER_PAGINA = 50
