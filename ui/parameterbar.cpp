// SPDX-License-Identifier: GPL-3.0-or-later
#include "parameterbar.h"

#include "modelabel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

#include <algorithm>
#include <limits>

namespace ProcViz {

namespace {
constexpr qint64 Million = 1'000'000;
// A plain spin box stops being usable with the mouse wheel long before it overflows an int.
constexpr qint64 LargestPlainRange = 100'000;

} // namespace

ParameterBar::ParameterBar(const ParameterTable& table, QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    for (const auto& spec : table.specs()) {
        auto field = createField(spec);
        auto* label = new QLabel(spec.name, this);
        label->setBuddy(field.editor);
        const QString tip = spec.translatedHelp().isEmpty()
            ? spec.allowedValues()
            : tr("%1 (%2)").arg(spec.translatedHelp(), spec.allowedValues());
        label->setToolTip(tip);
        field.editor->setToolTip(tip);
        layout->addWidget(label);
        layout->addWidget(field.editor);
        layout->addSpacing(12);
        m_fields.push_back(field);
    }
}

ParameterBar::Field ParameterBar::createField(const ParameterSpec& spec)
{
    Field field;
    field.spec = spec;
    if (spec.type == ParameterSpec::Type::Choice) {
        auto* combo = new QComboBox(this);
        for (const auto& choice : spec.choices)
            combo->addItem(modeLabel(choice), choice);
        combo->setCurrentIndex(std::max(0, combo->findData(spec.defaultValue.toString())));
        field.editor = combo;
    } else if (spec.maximum - spec.minimum <= LargestPlainRange) {
        auto* spin = new QSpinBox(this);
        spin->setRange(int(spec.minimum), int(spec.maximum));
        spin->setValue(int(spec.defaultValue.toLongLong()));
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
        spin->setSuffix(tr(" million"));
        spin->setValue(int(spec.defaultValue.toLongLong() / Million));
        field.editor = spin;
    }
    field.editor->setObjectName(spec.name);
    return field;
}

QVariant ParameterBar::value(const Field& field) const
{
    if (auto* combo = qobject_cast<QComboBox*>(field.editor))
        return combo->currentData().toString();
    const qint64 value = qint64(qobject_cast<QSpinBox*>(field.editor)->value()) * field.unit;
    return std::clamp(value, field.spec.minimum, field.spec.maximum);
}

QVariantMap ParameterBar::values() const
{
    QVariantMap map;
    for (const auto& field : m_fields)
        map.insert(field.spec.name, value(field));
    return map;
}

} // namespace ProcViz
