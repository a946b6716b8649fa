
# The start screen's language switch (added with the switch itself).
ui-keys-language-label = lingua
ui-start-language = Lingua: { $name } (premi { $key } per cambiare)
