from django import forms
from django.utils.translation import gettext_lazy as _

LONGEST_QUERY = 200


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=LONGEST_QUERY)
    page = forms.IntegerField(min_value=1, max_value=1000, required=False)
