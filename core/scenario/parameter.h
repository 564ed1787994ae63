// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "parameterspec.h"

#include <QVariantMap>

#include <concepts>
#include <optional>

namespace ProcViz {

/// One parameter of a scenario, defined once: the row of its table (a ParameterTable is made of them) and
/// the typed reading of the resolved values. T is qint64 for an integer, QString for a choice or a text, so
/// a choice cannot be read as a number: that mistake does not compile.
///
/// Defined as a constant in the scenario's file, it is the only way that file reads the parameter: no string
/// key is spelled twice, and a key the table does not define is refused (find() has nothing, operator()
/// asserts) instead of reading as 0.
template<typename T>
    requires std::same_as<T, qint64> || std::same_as<T, QString>
class Parameter
{
public:
    /// @p help is untranslated, marked with QT_TRANSLATE_NOOP("ProcViz::Scenario", ...).
    static Parameter integer(const char* name, qint64 defaultValue, qint64 minimum, qint64 maximum, const char* help)
        requires std::same_as<T, qint64>
    {
        return Parameter({QString::fromLatin1(name), ParameterSpec::Type::Integer, defaultValue, minimum, maximum,
            {}, help});
    }
    static Parameter choice(const char* name, const QString& defaultValue, const QStringList& choices, const char* help)
        requires std::same_as<T, QString>
    {
        return Parameter({QString::fromLatin1(name), ParameterSpec::Type::Choice, defaultValue, 0, 0, choices, help});
    }
    static Parameter text(const char* name, qint64 maximumLength, const char* help)
        requires std::same_as<T, QString>
    {
        return Parameter({QString::fromLatin1(name), ParameterSpec::Type::Text, QString(), 0, maximumLength, {}, help});
    }

    const ParameterSpec& spec() const { return m_spec; }
    const QString& name() const { return m_spec.name; }
    /// A table lists its parameters themselves: ParameterTable {{Workers, Increments}}.
    operator const ParameterSpec&() const { return m_spec; }

    /// The value in @p values (resolved by a table), or nothing when that table does not define this parameter.
    std::optional<T> find(const QVariantMap& values) const
    {
        const auto it = values.constFind(m_spec.name);
        if (it == values.cend())
            return std::nullopt;
        if constexpr (std::same_as<T, qint64>)
            return it->toLongLong();
        else
            return it->toString();
    }
    /// The value in @p values, which a table defining this parameter resolved.
    T operator()(const QVariantMap& values) const
    {
        const auto value = find(values);
        Q_ASSERT_X(value, "Parameter", "read from values of a table that does not define it");
        return value.value_or(m_spec.defaultValue.value<T>());
    }

private:
    explicit Parameter(ParameterSpec spec)
        : m_spec(std::move(spec))
    { }

    ParameterSpec m_spec;
};

using IntParameter = Parameter<qint64>;
using TextParameter = Parameter<QString>;

} // namespace ProcViz
