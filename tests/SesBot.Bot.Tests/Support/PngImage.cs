using System.Buffers.Binary;
using System.IO.Compression;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// Just enough of PNG to check app icons: the IHDR header, and the pixels of 8-bit RGBA images (all five filters).
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, byte bitDepth, byte colorType, byte[] idat)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColorType = colorType;
        _idat = idat;
    }

    private readonly byte[] _idat;

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    /// <summary>6 = RGBA, 2 = RGB, 3 = palette, 0 = grey, 4 = grey + alpha.</summary>
    public byte ColorType { get; }

    public static PngImage Read(byte[] bytes)
    {
        if (bytes.Length < 33 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }

        int width = 0, height = 0;
        byte bitDepth = 0, colorType = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset + 8 <= bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            var data = bytes.AsSpan(offset + 8, length);
            if (offset == 8 && type != "IHDR")
            {
                throw new InvalidDataException("The first chunk of a PNG must be IHDR.");
            }

            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colorType = data[9];
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    return new PngImage(width, height, bitDepth, colorType, idat.ToArray());
            }

            offset += 12 + length;
        }

        throw new InvalidDataException("The PNG has no IEND chunk.");
    }

    /// <summary>The pixels as RGBA bytes, row by row; only for 8-bit RGBA images.</summary>
    public byte[] ReadRgbaPixels()
    {
        if (BitDepth != 8 || ColorType != 6)
        {
            throw new NotSupportedException($"Only 8-bit RGBA is decoded here (bit depth {BitDepth}, colour type {ColorType}).");
        }

        const int bpp = 4;
        var stride = Width * bpp;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(_idat), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var pixels = new byte[stride * Height];
        for (var y = 0; y < Height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var previous = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride).ToArray();
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? row[x - bpp] : 0, b = previous[x], c = x >= bpp ? previous[x - bpp] : 0;
                row[x] = (byte)(line[x] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                });
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
