
# The start screen's language switch (added with the switch itself).
ui-keys-language-label = langue
ui-start-language = Langue : { $name } (appuyez sur { $key } pour changer)
