// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultpanel.h"

#include "model/runmodel.h"
#include "scenario/scenarioregistry.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QTextDocument>

namespace ProcViz {

namespace {
// Okabe–Ito bluish green and vermillion: a pass and a fail stay apart for red–green colour blindness,
// and the mark (✓ / ✗) says it without colour.
const QLatin1String PassColor("#009E73");
const QLatin1String FailColor("#D55E00");
// Okabe–Ito blue: a failure the lesson expects is set apart from a real one.
const QLatin1String LessonColor("#0072B2");

// Each translation renders this as its own language code, so it tells which language tr() speaks right now,
// whoever installed the translator.
QString textLanguage()
{
    return ResultPanel::tr("en", "the language code of this translation");
}

QString cell(const QString& text, bool header = false)
{
    return header ? QLatin1String("<th align=left>") + text + QLatin1String("</th>")
                  : QLatin1String("<td>") + text + QLatin1String("</td>");
}
} // namespace

ResultPanel::ResultPanel(QWidget* parent)
    : QWidget(parent)
    , m_modes(new QLabel(this))
    , m_checks(new QLabel(this))
{
    auto* layout = new QHBoxLayout(this);
    for (auto* label : {m_modes, m_checks}) {
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    }
    m_modes->setObjectName(QStringLiteral("resultModes"));
    m_checks->setObjectName(QStringLiteral("resultChecks"));
    m_checks->setWordWrap(true);
    layout->addWidget(m_modes);
    layout->addSpacing(24);
    layout->addWidget(m_checks, 1);
    applyFont();
    retranslate();
}

void ResultPanel::clear()
{
    m_model = nullptr;
    m_modes->setVisible(true);
    m_modes->setText(tr("The result appears here when a run ends."));
    m_checks->clear();
}

void ResultPanel::showResult(const RunModel& model)
{
    m_model = &model;
    m_language = textLanguage();
    render(model);
}

void ResultPanel::render(const RunModel& model)
{
    // Only timing measures modes; for the other lessons the checks say everything.
    const bool hasModes = model.result().contains(QLatin1String("modes"));
    m_modes->setVisible(hasModes);
    m_modes->setText(hasModes ? modesTable(model) : QString());
    m_checks->setText(outcomeLine(model) + checksList(model));
}

QString ResultPanel::plainText() const
{
    QTextDocument document;
    document.setHtml(m_modes->text() + QLatin1String("<br>") + m_checks->text());
    return document.toPlainText();
}

QString ResultPanel::modesTable(const RunModel& model) const
{
    const auto modes = model.result().value(QLatin1String("modes")).toArray();
    if (modes.isEmpty())
        return tr("No result: the run ended before any work was measured.");
    QString html = QLatin1String("<table cellspacing=0 cellpadding=3><tr>") + cell(tr("mode"), true)
        + cell(tr("elapsed"), true) + cell(tr("speedup"), true) + cell(tr("cores busy"), true) + QLatin1String("</tr>");
    const auto* scenario = ScenarioRegistry::instance().find(model.scenarioId());
    for (const auto& value : modes) {
        const auto mode = value.toObject();
        const QString id = mode.value(QLatin1String("mode")).toString();
        const QString name = scenario ? scenario->phaseLabel(id) : id; // a mode is a phase of the run
        const bool complete = mode.value(QLatin1String("completed")).toBool();
        QString elapsed = tr("%1 s").arg(mode.value(QLatin1String("elapsed_s")).toDouble(), 0, 'f', 2);
        if (!complete)
            elapsed = tr("%1 (incomplete)").arg(elapsed);
        const auto speedup = mode.value(QLatin1String("speedup"));
        // Speedup is measured against the sequential phase, so only mode "all" has one.
        const QString speedupText
            = speedup.isDouble() ? tr("%1×").arg(speedup.toDouble(), 0, 'f', 2) : QStringLiteral("–");
        const auto parallelism = mode.value(QLatin1String("parallelism"));
        const QString busy
            = parallelism.isDouble() ? tr("%1").arg(parallelism.toDouble(), 0, 'f', 2) : QStringLiteral("–");
        html += QLatin1String("<tr>") + cell(QLatin1String("<b>") + name.toHtmlEscaped() + QLatin1String("</b>"))
            + cell(elapsed) + cell(speedupText) + cell(busy) + QLatin1String("</tr>");
    }
    return html + QLatin1String("</table>");
}

QString ResultPanel::outcomeLine(const RunModel& model) const
{
    QString html = QLatin1String("<p><b>") + OutcomeText::sentence(model).toHtmlEscaped() + QLatin1String("</b></p>");
    // The cause and the checks' details were written by the scenario when the run ended, from shared state
    // that is gone now: they cannot be computed again, only shown as they were, and the panel says so.
    if (m_language != textLanguage() && (!model.cause().isEmpty() || !model.checks().isEmpty()))
        html += QLatin1String("<p><i>")
            + tr("The details below are in the language of the run; the next run "
                 "writes them in English.")
            + QLatin1String("</i></p>");
    return html;
}

QString ResultPanel::checksList(const RunModel& model) const
{
    QString html;
    for (const auto& check : model.checks()) {
        QString mark;
        QString color;
        QString note;
        if (check.passed) {
            mark = tr("✓ PASS");
            color = PassColor;
        } else if (!check.expectedToPass) {
            // Failing is what this lesson sets out to show: no error, the point made.
            mark = tr("✗ FAIL — the lesson");
            color = LessonColor;
            note = tr("This is what the lesson predicts, not an error in ProcViz.");
        } else {
            mark = tr("✗ FAIL");
            color = FailColor;
        }
        html += QLatin1String("<p><span style=\"background-color:") + color
            + QLatin1String("; color:white; font-weight:bold\">&nbsp;") + mark + QLatin1String("&nbsp;</span> ")
            + check.detail.toHtmlEscaped();
        if (!note.isEmpty())
            html += QLatin1String("<br><i>") + note + QLatin1String("</i>");
        html += QLatin1String("</p>");
    }
    return html;
}

void ResultPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFont();
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ResultPanel::retranslate()
{
    m_modes->setToolTip(tr("speedup: the sequential time divided by this mode's time\n"
                           "cores busy: CPU time divided by elapsed time, how many cores the mode kept working"));
    if (m_model)
        render(*m_model);
    else
        clear();
}

void ResultPanel::applyFont()
{
    // The numbers are the point of the lesson: large enough to read from the back of the room.
    QFont large = font();
    large.setPointSizeF(large.pointSizeF() * 1.3);
    m_modes->setFont(large);
    m_checks->setFont(large);
}

} // namespace ProcViz
