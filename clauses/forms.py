from django import forms

from .models import Art13Item, Clause


class ClauseForm(forms.ModelForm):
    art13_items = forms.MultipleChoiceField(
        label="Art. 13 items covered",
        choices=Art13Item.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Clause
        fields = ["key", "heading", "art13_items", "required", "guidance"]
