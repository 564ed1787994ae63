// SPDX-License-Identifier: GPL-3.0-or-later
#include "parametertable.h"

#include <QCoreApplication>

namespace ProcViz {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ProcViz::ParameterTable", text);
}

QString invalidValue(const ParameterSpec& spec, const QString& value)
{
    // Spelled out: lupdate would file a free function's tr() under the namespace.
    return QCoreApplication::translate("ProcViz::ParameterTable", "Invalid value '%1' for --%2: allowed is %3.")
        .arg(value, spec.name, spec.allowedValues());
}
} // namespace

ParameterTable::ParameterTable(QList<ParameterSpec> specs)
    : m_specs(std::move(specs))
{ }

const ParameterSpec* ParameterTable::find(QStringView name) const
{
    for (const auto& spec : m_specs) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

QVariantMap ParameterTable::defaults() const
{
    QVariantMap values;
    for (const auto& spec : m_specs)
        values.insert(spec.name, spec.defaultValue);
    return values;
}

ResolvedParameters ParameterTable::resolve(const QVariantMap& given) const
{
    ResolvedParameters resolved {defaults(), {}};
    for (auto it = given.cbegin(); it != given.cend(); ++it) {
        const auto* spec = find(it.key());
        if (!spec) {
            QStringList known;
            for (const auto& s : m_specs)
                known.append(QLatin1String("--") + s.name);
            resolved.error
                = tr("Unknown option --%1: this scenario accepts %2.").arg(it.key(), known.join(QLatin1String(", ")));
            return resolved;
        }
        const QString text = it.value().toString().trimmed();
        if (spec->type == ParameterSpec::Type::Choice) {
            if (!spec->choices.contains(text)) {
                resolved.error = invalidValue(*spec, text);
                return resolved;
            }
            resolved.values.insert(spec->name, text);
            continue;
        }
        if (spec->type == ParameterSpec::Type::Text) {
            if (text.size() > spec->maximum) {
                resolved.error = invalidValue(*spec, text.left(20) + QStringLiteral("..."));
                return resolved;
            }
            resolved.values.insert(spec->name, text);
            continue;
        }
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        if (!ok || number < spec->minimum || number > spec->maximum) {
            resolved.error = invalidValue(*spec, text);
            return resolved;
        }
        resolved.values.insert(spec->name, number);
    }
    return resolved;
}

} // namespace ProcViz
