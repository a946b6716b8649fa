
# The start screen's language switch (added with the switch itself).
ui-keys-language-label = idioma
ui-start-language = Idioma: { $name } (pressione { $key } para mudar)
