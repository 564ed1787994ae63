// SPDX-License-Identifier: GPL-3.0-or-later
#include "parameterform.h"

#include "scenario/scenario.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <algorithm>
#include <limits>

namespace ProcViz {

namespace {
constexpr qint64 Million = 1'000'000;
// A spin box holds an int; larger ranges (iteration counts in the billions) are edited in millions.
constexpr qint64 LargestPlainRange = std::numeric_limits<int>::max();

} // namespace

ParameterForm::ParameterForm(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
}

void ParameterForm::setScenario(const Scenario& scenario)
{
    m_scenario = &scenario;
    auto* layout = static_cast<QFormLayout*>(this->layout());
    while (layout->rowCount() > 0)
        layout->removeRow(0);
    m_fields.clear();
    for (const auto& spec : scenario.parameters().specs()) {
        auto field = createField(spec);
        field.label = new QLabel(this);
        field.label->setBuddy(field.editor);
        setTexts(field);
        layout->addRow(field.label, field.editor);
        if (auto* combo = qobject_cast<QComboBox*>(field.editor))
            connect(combo, &QComboBox::currentIndexChanged, this, &ParameterForm::changed);
        else if (auto* spin = qobject_cast<QSpinBox*>(field.editor))
            connect(spin, &QSpinBox::valueChanged, this, &ParameterForm::changed);
        else if (auto* edit = qobject_cast<QLineEdit*>(field.editor))
            connect(edit, &QLineEdit::textChanged, this, &ParameterForm::changed);
        m_fields.push_back(field);
    }
    Q_EMIT changed();
}

void ParameterForm::showOnly(const QStringList& names)
{
    auto* layout = static_cast<QFormLayout*>(this->layout());
    for (const auto& field : m_fields)
        layout->setRowVisible(field.editor, names.isEmpty() || names.contains(field.spec.name));
}

QVariantMap ParameterForm::shownValues() const
{
    QVariantMap shown;
    for (const auto& field : m_fields) {
        if (!field.editor->isHidden())
            shown.insert(field.spec.name, value(field));
    }
    return shown;
}

void ParameterForm::setTexts(const Field& field)
{
    const ParameterSpec& spec = field.spec;
    // The name stays as the command line and the lessons spell it (--workers): it is an identifier, and the
    // tooltip says in the user's language what it means.
    field.label->setText(spec.name);
    const QString tip = spec.translatedHelp().isEmpty()
        ? spec.allowedValues()
        : tr("%1 (%2)").arg(spec.translatedHelp(), spec.allowedValues());
    field.label->setToolTip(tip);
    field.editor->setToolTip(tip);
    field.editor->setWhatsThis(tip);
    if (auto* edit = qobject_cast<QLineEdit*>(field.editor)) {
        edit->setPlaceholderText(tr("(default)"));
    } else if (auto* combo = qobject_cast<QComboBox*>(field.editor)) {
        for (int i = 0; i < combo->count(); ++i)
            combo->setItemText(i, choiceLabel(combo->itemData(i).toString()));
    } else if (auto* spin = qobject_cast<QSpinBox*>(field.editor); spin && field.unit == Million) {
        spin->setSuffix(tr(" million"));
    }
}

void ParameterForm::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        for (const auto& field : m_fields)
            setTexts(field);
    }
}

QString ParameterForm::choiceLabel(const QString& choice) const
{
    // A choice that names a phase reads as the window names that phase: timing's "gil" is the emulated GIL.
    return m_scenario ? m_scenario->phaseLabel(choice) : choice;
}

bool ParameterForm::setValues(const QVariantMap& values)
{
    if (values.isEmpty())
        return true;
    bool all = true;
    {
        const QSignalBlocker blocker(this);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            all = setValue(it.key(), it.value()) && all;
    }
    Q_EMIT changed();
    return all;
}

bool ParameterForm::setValue(const QString& name, const QVariant& value)
{
    for (const auto& field : m_fields) {
        if (field.spec.name != name)
            continue;
        if (auto* edit = qobject_cast<QLineEdit*>(field.editor)) {
            edit->setText(value.toString());
            return true;
        }
        if (auto* combo = qobject_cast<QComboBox*>(field.editor)) {
            const int index = combo->findData(value.toString());
            if (index < 0)
                return false;
            combo->setCurrentIndex(index);
            return true;
        }
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (!ok)
            return false;
        qobject_cast<QSpinBox*>(field.editor)->setValue(int(number / field.unit));
        return true;
    }
    return false;
}

ParameterForm::Field ParameterForm::createField(const ParameterSpec& spec)
{
    Field field;
    field.spec = spec;
    if (spec.type == ParameterSpec::Type::Text) {
        auto* edit = new QLineEdit(spec.defaultValue.toString(), this);
        if (spec.maximum > 0)
            edit->setMaxLength(int(std::min<qint64>(spec.maximum, std::numeric_limits<int>::max())));
        edit->setClearButtonEnabled(true);
        field.editor = edit;
    } else if (spec.type == ParameterSpec::Type::Choice) {
        auto* combo = new QComboBox(this);
        for (const auto& choice : spec.choices)
            combo->addItem(choiceLabel(choice), choice);
        combo->setCurrentIndex(std::max(0, combo->findData(spec.defaultValue.toString())));
        field.editor = combo;
    } else if (spec.maximum <= LargestPlainRange && spec.minimum >= std::numeric_limits<int>::min()) {
        auto* spin = new QSpinBox(this);
        spin->setRange(int(spec.minimum), int(spec.maximum));
        spin->setValue(int(spec.defaultValue.toLongLong()));
        spin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        spin->setGroupSeparatorShown(spec.maximum >= 10'000);
        field.editor = spin;
    } else {
        // Iteration counts run into the billions: the window edits them in whole millions (the command
        // line still takes any count the table allows).
        field.unit = Million;
        auto* spin = new QSpinBox(this);
        spin->setRange(int(std::max<qint64>(1, (spec.minimum + Million - 1) / Million)),
            int(std::min<qint64>(spec.maximum / Million, std::numeric_limits<int>::max())));
        spin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
        spin->setGroupSeparatorShown(true);
        spin->setValue(int(spec.defaultValue.toLongLong() / Million));
        field.editor = spin;
    }
    field.editor->setObjectName(spec.name);
    return field;
}

QVariant ParameterForm::value(const Field& field) const
{
    if (auto* combo = qobject_cast<QComboBox*>(field.editor))
        return combo->currentData().toString();
    if (auto* edit = qobject_cast<QLineEdit*>(field.editor))
        return edit->text();
    const qint64 value = qint64(qobject_cast<QSpinBox*>(field.editor)->value()) * field.unit;
    return std::clamp(value, field.spec.minimum, field.spec.maximum);
}

QVariantMap ParameterForm::values() const
{
    QVariantMap map;
    for (const auto& field : m_fields)
        map.insert(field.spec.name, value(field));
    return map;
}

} // namespace ProcViz
