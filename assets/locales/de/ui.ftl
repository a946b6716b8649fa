
# The start screen's language switch (added with the switch itself).
ui-keys-language-label = Sprache
ui-start-language = Sprache: { $name } (zum Wechseln { $key } drücken)
