"""Number formats where Django's own leave digits ungrouped (settings.FORMAT_MODULE_PATH):
figures such as 12 916 students read better grouped, as the city's own reports print them.
Django's formats for these languages are kept otherwise."""
