/**
 * Wraps a message body in a table layout that holds up in common mail clients (inline
 * styles, no external CSS), with the logo on top and the signature and contact below.
 */
export function emailLayout(body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ portalTitle }}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;padding:24px 0;">
<tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px;font-family:Helvetica,Arial,sans-serif;color:#1f2933;">
{% if logoUrl %}<tr><td style="padding:24px 32px 0 32px;"><img src="{{ logoUrl }}" alt="{{ portalTitle }}" height="40" style="display:block;height:40px;border:0;"></td></tr>{% endif %}
<tr><td style="padding:24px 32px;font-size:15px;line-height:1.6;">
${body}
</td></tr>
<tr><td style="padding:16px 32px 24px 32px;border-top:1px solid #e4e7eb;font-size:13px;line-height:1.5;color:#616e7c;">
{{ signatureLine }}{% if contactEmail %}<br>Questions? Write to <a href="mailto:{{ contactEmail }}" style="color:#1f5493;">{{ contactEmail }}</a>.{% endif %}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}

/** A call-to-action button that degrades to a plain link. */
export function emailButton(href: string, label: string): string {
  return `<table role="presentation" cellpadding="0" cellspacing="0" style="margin:24px 0;"><tr><td style="border-radius:4px;background:#1f5493;"><a href="${href}" style="display:inline-block;padding:12px 24px;color:#ffffff;text-decoration:none;font-weight:bold;">${label}</a></td></tr></table>
<p style="font-size:13px;color:#616e7c;">If the button does not work, copy this address into your browser:<br><a href="${href}" style="color:#1f5493;word-break:break-all;">${href}</a></p>`;
}
