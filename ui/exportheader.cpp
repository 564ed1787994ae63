// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportheader.h"

#include "model/runmodel.h"
#include "scenario/scenario.h"
#include "scenario/scenarioregistry.h"

#include <QPalette>

namespace ProcViz {

namespace {
// The checks panel's colours (Okabe–Ito), so a handout reads like the window: pass, fail, the lesson's fail.
const QLatin1String PassColor("#009E73");
const QLatin1String FailColor("#D55E00");
const QLatin1String LessonColor("#0072B2");
constexpr QStringView Separator = u"  ·  ";
} // namespace

ExportHeader ExportHeader::describe(const QString& scenarioId, const QVariantMap& formValues, const RunModel& model)
{
    ExportHeader header;
    const auto* scenario = ScenarioRegistry::instance().find(scenarioId);
    header.m_title = scenario ? scenario->title() : scenarioId;
    const bool hasRun = !scenarioId.isEmpty() && model.scenarioId() == scenarioId;
    header.m_parameters = parametersLine(scenario, hasRun ? model.params() : formValues);
    header.m_outcome = hasRun ? outcomeLine(model) : tr("Not run yet: the checks appear when a run ends.");

    QStringList checks {header.m_outcome};
    for (const auto& check : hasRun ? model.checks() : QList<Check>()) {
        Verdict verdict {tr("✓ PASS"), PassColor, check.detail};
        if (!check.passed && check.expectedToPass)
            verdict = {tr("✗ FAIL"), FailColor, check.detail};
        else if (!check.passed)
            verdict = {tr("✗ FAIL — the lesson"), LessonColor, check.detail};
        header.m_verdicts.append(verdict);
        checks.append(verdict.mark + QLatin1Char(' ') + verdict.detail);
    }
    header.m_checks = checks.join(Separator);
    return header;
}

QString ExportHeader::parametersLine(const Scenario* scenario, const QVariantMap& values)
{
    // The scenario's own order (workers before the rest), not the map's alphabetical one.
    QStringList names;
    if (scenario) {
        for (const auto& spec : scenario->parameters().specs())
            names.append(spec.name);
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (!names.contains(it.key()))
            names.append(it.key());
    }
    QStringList pairs;
    for (const auto& name : std::as_const(names)) {
        if (!values.contains(name))
            continue;
        // An empty text parameter means the scenario's own default (the pipe's messages): say so.
        const QString value = values.value(name).toString();
        pairs.append(tr("%1 = %2").arg(name, value.isEmpty() ? tr("(default)") : value));
    }
    return pairs.isEmpty() ? tr("no parameters") : pairs.join(Separator);
}

QString ExportHeader::outcomeLine(const RunModel& model)
{
    return OutcomeText::sentence(model);
}

QString ExportHeader::html(const QPalette& palette) const
{
    const QString text = palette.color(QPalette::WindowText).name();
    const QString muted = palette.color(QPalette::PlaceholderText).name();
    QString html = QStringLiteral("<div style=\"color:%1\"><p style=\"font-size:x-large; font-weight:bold; "
                                  "margin:0\">%2</p>")
                       .arg(text, m_title.toHtmlEscaped());
    html += QStringLiteral("<p style=\"margin:4px 0 0 0\"><span style=\"color:%1\">%2</span> %3</p>")
                .arg(muted, tr("Parameters:").toHtmlEscaped(), m_parameters.toHtmlEscaped());
    html += QStringLiteral("<p style=\"margin:4px 0 0 0\"><b>%1</b>").arg(m_outcome.toHtmlEscaped());
    for (const auto& verdict : m_verdicts) {
        html += Separator
            + QStringLiteral(
                "<span style=\"background-color:%1; color:white; font-weight:bold\">&nbsp;%2&nbsp;</span> %3")
                  .arg(verdict.color, verdict.mark.toHtmlEscaped(), verdict.detail.toHtmlEscaped());
    }
    return html + QLatin1String("</p></div>");
}

QString ExportHeader::plainText() const
{
    return m_title + QLatin1Char('\n') + tr("Parameters:") + QLatin1Char(' ') + m_parameters + QLatin1Char('\n')
        + m_checks;
}

} // namespace ProcViz
