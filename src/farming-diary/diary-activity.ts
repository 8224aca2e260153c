export enum DiaryActivity {
  Sowing = 'sowing',
  Fertilising = 'fertilising',
  Spraying = 'spraying',
  Irrigating = 'irrigating',
  Pruning = 'pruning',
  Harvesting = 'harvesting',
  Other = 'other',
}

export const DIARY_ACTIVITY_VI: Record<DiaryActivity, string> = {
  sowing: 'Gieo trồng',
  fertilising: 'Bón phân',
  spraying: 'Phun thuốc BVTV',
  irrigating: 'Tưới nước',
  pruning: 'Cắt tỉa',
  harvesting: 'Thu hoạch',
  other: 'Khác',
};
