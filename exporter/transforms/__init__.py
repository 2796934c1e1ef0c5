"""Transforms: Document -> Document stages that run after linking and before any writer."""
