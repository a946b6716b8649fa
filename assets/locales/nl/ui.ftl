
# The start screen's language switch (added with the switch itself).
ui-keys-language-label = taal
ui-start-language = Taal: { $name } (druk op { $key } om te wijzigen)
