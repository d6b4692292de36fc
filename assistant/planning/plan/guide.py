"""The playbook as readable sources: one per business type and language, so chat answers can
quote and cite what fits a bakery, a clinic or a SaaS, and why."""

from __future__ import annotations

from ...documents import Source
from ...packs import colon as pack_colon
from ...settings import LANGUAGES
from ..playbook import Playbook
from .formatting import format_money, format_number


def playbook_sources(playbook: Playbook) -> list[Source]:
    """Every business type's guide in every language, as `Source(kind="playbook")`."""
    return [guide_source(playbook, btype, lang)
            for btype in playbook.business_types for lang in LANGUAGES]


def guide_source(playbook: Playbook, business_type: str, lang: str) -> Source:
    """One business type's guide in one language: tactics with why, KPIs, budget figures."""
    phrase = playbook.phrases
    btype = playbook.business_types[business_type]
    name = btype.names[lang]
    say = lambda key, **v: phrase[key][lang].format(**v)  # noqa: E731
    title = say("title", btype=name[:1].upper() + name[1:])
    lines = [say("intro", btype=name), "", say("tactics")]
    for tactic_id, why in btype.tactics.items():
        template = playbook.tactics[tactic_id]
        channel = next((playbook.channels[c].names[lang] for c in template.channels
                        if c in playbook.channels), "")
        tactic_name = template.texts[lang].name.format(channel=channel)
        kpi = playbook.kpis[template.kpis[0]].names[lang]
        effort = phrase["efforts"][template.effort][lang]
        colon = pack_colon(lang)
        lines.append(f"- {tactic_name}{colon}{why[lang]} ({phrase['kpi'][lang]}{colon}{kpi}; "
                     f"{phrase['effort'][lang]}{colon}{effort})")
        lines.append(f"  {template.texts[lang].actions[0].format(channel=channel)}")
    never = [playbook.tactics[t].texts[lang].name.format(channel="").replace(" ()", "")
             .rstrip(" :").replace("  ", " ")
             for t in sorted(playbook.tactics) if t not in btype.tactics
             and t != "compliance_review" and "{channel}" not in playbook.tactics[t]
             .texts[lang].name][:4]
    if never:  # a heading and bare items: read as a warning, never quoted as advice
        lines += ["", say("never", tactics="").rstrip(" .")] + [f"- {t}" for t in never]
    funnel = btype.funnel
    lines += ["", say("funnel", cpl=format_money(round(funnel.cost_per_lead * 100), "EUR", lang),
                      r2l=format_number(round(funnel.reach_to_lead * 100, 1), lang),
                      l2c=format_number(round(funnel.lead_to_customer * 100, 1), lang),
                      purchases=format_number(funnel.purchases_per_year, lang)),
              say("budget", reference=format_money(round(funnel.reference_budget * 100), "EUR",
                                                   lang))]
    return Source(source_id=f"playbook:{business_type}:{lang}", title=title, kind="playbook",
                  language=lang, text="\n".join(lines))
