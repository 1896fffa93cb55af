using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Editorial.Web.Infrastructure.Data;

/// <summary>
/// PostgreSQL's timestamptz keeps the instant, not the offset, and Npgsql refuses a DateTimeOffset whose offset
/// is not zero: a time computed in Hà Giang's zone (+07:00) is turned into the same instant in UTC on the way in.
/// </summary>
public sealed class DateTimeOffsetToUtcConverter()
    : ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(),
        value => value.ToUniversalTime());
