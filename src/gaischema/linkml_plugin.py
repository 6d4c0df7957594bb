"""A ``linkml-validate`` plugin that applies the rules declared in the gaischema schema.

Config (``linkml-validate.yaml`` at the repository root; ``gaischema linkml-config`` writes one for an
installed package)::

    schema: schema/gaischema.yaml
    target_class: AnnualReport
    plugins:
      JsonschemaValidationPlugin:
        closed: true
      gaischema.linkml_plugin.RulesValidationPlugin: {}
"""

from __future__ import annotations

from typing import Any, Iterator

from linkml.validator.plugins import ValidationPlugin
from linkml.validator.report import Severity, ValidationResult
from linkml.validator.validation_context import ValidationContext

from gaischema.validate import rule_findings

_SEVERITY = {"error": Severity.ERROR, "warning": Severity.WARN}


class RulesValidationPlugin(ValidationPlugin):
    """Yields one ValidationResult per finding of the gaischema rules (not the JSON Schema: keep
    linkml's own JsonschemaValidationPlugin in the config for that)."""

    def process(self, instance: Any, context: ValidationContext) -> Iterator[ValidationResult]:
        if not isinstance(instance, dict):
            return
        for f in rule_findings(instance):
            yield ValidationResult(
                type=f"gaischema rule {f.rule}",
                severity=_SEVERITY[f.severity],
                instance=instance,
                instantiates=context.target_class,
                message=f"[{f.rule}] {f.cell} ({f.path}): {f.message} / {f.message_en}",
            )
