namespace Editorial.Web.Features.Media;

/// <summary>Thrown by <see cref="BodyLengthLimit"/> when a request body runs past its limit.</summary>
public sealed class BodyTooLargeException(long limit) : IOException($"The request body is longer than {limit} bytes.");

/// <summary>
/// A request body that stops at a number of bytes, whatever the server's own limit: the upload endpoint
/// refuses a 50 MB body after reading at most its limit, also where no Kestrel limit applies.
/// </summary>
internal sealed class BodyLengthLimit(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new BodyTooLargeException(limit);
        }

        return read;
    }
}
