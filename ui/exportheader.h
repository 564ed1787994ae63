// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVariantMap>

class QPalette;

namespace ProcViz {

class RunModel;
class Scenario;

/// The lines above an exported dashboard, so that a figure explains itself in a handout: the scenario's
/// title, the parameters of the run shown (name = value) and the verdict of each of its checks.
class ExportHeader
{
    Q_DECLARE_TR_FUNCTIONS(ProcViz::ExportHeader)
public:
    /// The run in @p model when it belongs to @p scenarioId, else the parameters in the form (@p formValues),
    /// which a run would use.
    static ExportHeader describe(const QString& scenarioId, const QVariantMap& formValues, const RunModel& model);

    const QString& title() const { return m_title; }
    const QString& parameters() const { return m_parameters; } ///< "workers = 4 · lock = off"
    const QString& checks() const { return m_checks; } ///< "✓ PASS … · ✗ FAIL …", or why there are none yet

    /// Rich text for QTextDocument, in @p palette's colours.
    QString html(const QPalette& palette) const;
    /// Every line, as in the picture.
    QString plainText() const;

private:
    static QString parametersLine(const Scenario* scenario, const QVariantMap& values);
    static QString outcomeLine(const RunModel& model);

    struct Verdict
    {
        QString mark;
        QString color;
        QString detail;
    };

    QString m_title;
    QString m_parameters;
    QString m_outcome;
    QString m_checks;
    QList<Verdict> m_verdicts;
};

} // namespace ProcViz
