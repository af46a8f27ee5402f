/** The deadline route takes no query parameters; declaring none makes the ValidationPipe refuse unknown ones with 400. */
export class CaseDeadlineQueryDto {}
