// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario/parameterspec.h"

#include <QVariantMap>
#include <QWidget>

#include <vector>

class QLabel;

namespace ProcViz {

class Scenario;

/// One labelled row per parameter of a scenario, built from its ParameterTable: a combo box for a
/// choice, a spin box for an integer (in whole millions when the range is that large).
///
/// Each field's objectName is the parameter's name, the one the command line spells --name.
class ParameterForm : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterForm(QWidget* parent = nullptr);

    /// Replaces the fields with those of @p scenario's table, each at its default.
    void setScenario(const Scenario& scenario);
    /// Sets one field by its parameter name (integers in the parameter's own unit); false if there is none.
    bool setValue(const QString& name, const QVariant& value);
    /// Sets several fields at once, with one changed() for them all (so the window checks the set once);
    /// false if one of them could not be set.
    bool setValues(const QVariantMap& values);

    /// Typed as ParameterTable::resolve() expects: qint64 for integers, QString for choices.
    QVariantMap values() const;
    /// Shows only the fields named (the parameters the lesson's Python program takes); an empty list shows all.
    void showOnly(const QStringList& names);
    /// The values of the fields shown.
    QVariantMap shownValues() const;

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Field
    {
        ParameterSpec spec;
        QLabel* label = nullptr;
        QWidget* editor = nullptr;
        qint64 unit = 1; ///< the editor shows value / unit
    };

    Field createField(const ParameterSpec& spec);
    /// Label, tooltips, choice names and suffix: everything of a field that depends on the language.
    void setTexts(const Field& field);
    QVariant value(const Field& field) const;
    QString choiceLabel(const QString& choice) const;

    const Scenario* m_scenario = nullptr;
    std::vector<Field> m_fields;
};

} // namespace ProcViz
