"""Test data for the core's pages (factory_boy via wagtail-factories; development only)."""

import factory
import wagtail_factories

from cms.models import ContentPage, HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Добре дошли"
    intro = "Полезна информация на лесен език."

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Страница {n}")
    slug = factory.Sequence(lambda n: f"stranitsa-{n}")
    intro = "Кратко въведение."

    class Meta:
        model = ContentPage
