import { Module } from '@nestjs/common';

// Placeholder: bulk onboarding (XLSX/CSV templates and all-or-nothing uploads) is being built.
@Module({})
export class OnboardingModule {}
